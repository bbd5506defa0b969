/** Standard input, read up to one byte past `limit` (a document over the limit fails as too-large). */
export async function readStdin(limit = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > limit) break;
  }
  return new Uint8Array(Buffer.concat(chunks));
}
