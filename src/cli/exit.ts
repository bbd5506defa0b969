/** Exit codes of the command line. */
export const EXIT = { ok: 0, findings: 1, usage: 2, failedInputs: 3 } as const;
