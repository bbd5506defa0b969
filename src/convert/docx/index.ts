import mammoth from 'mammoth';

export interface ConverterMessage {
  rule: string;
  message: string;
  /** Table index in the converted HTML, when the message concerns one table. */
  table?: number;
}

export interface DocxConversion {
  html: string;
  messages: ConverterMessage[];
}

/** .docx → HTML through mammoth, images skipped (no base64 inlining). */
export async function convertDocx(bytes: Uint8Array): Promise<DocxConversion> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: false },
  );
  return {
    html: `<html><body>${result.value}</body></html>`,
    messages: result.messages.map((m) => ({ rule: 'extract-mammoth', message: `${m.type}: ${m.message}` })),
  };
}
