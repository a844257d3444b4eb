import { createInterface } from 'node:readline';

/**
 * Reads a password for a command, never from its arguments, where other
 * users of the machine and the shell's history would see it. At a
 * terminal it asks twice without echoing; otherwise it reads the first
 * line of standard input (`printf '%s\n' "$PW" | pnpm cli …`).
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();

  const first = await askHidden(`${prompt}: `);
  const again = await askHidden('Once more: ');
  if (first !== again) throw new PasswordMismatch();

  return first;
}

export class PasswordMismatch extends Error {
  constructor() {
    super('The two passwords differ; nothing was changed.');
    this.name = 'PasswordMismatch';
  }
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const input = process.stdin;
    let typed = '';
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}
