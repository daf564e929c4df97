// A usage error names the argument that is wrong; the CLI prints it in Dutch and exits with 2.
export class UsageError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

export function requireArgument(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--${name}`, `--${name} ontbreekt.`);
  }
  return value.trim();
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if ((stream as NodeJS.ReadStream).isTTY) {
    throw new UsageError('--password-stdin', 'Geef het wachtwoord via standaardinvoer, bijvoorbeeld: echo "…" | plein user create … --password-stdin');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
