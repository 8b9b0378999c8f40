// The mails the server sent during the browser tests, as smtp-sink.mjs wrote
// them: one JSON file per message per recipient in VW_E2E_MAIL_DIR (set by
// scripts/test, or by playwright.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Mail {
  /** The recipient's address, in lower case. */
  to: string;
  subject: string;
  /** The plain-text body, with \n line ends. */
  text: string;
}

function mailDir(): string {
  const folder = process.env.VW_E2E_MAIL_DIR;
  if (!folder) throw new Error('VW_E2E_MAIL_DIR is not set (see playwright.config.ts)');
  return folder;
}

/** Every mail received so far, oldest first. */
export function allMails(): Mail[] {
  const folder = mailDir();
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Mail);
}

/**
 * The mails to `address`, oldest first, once there are at least `atLeast`
 * (default 1); throws when they do not come within `timeout` ms (default
 * 10 s). The server sends mail in the background, within moments.
 */
export async function mailsTo(
  address: string,
  { atLeast = 1, timeout = 10_000 }: { atLeast?: number; timeout?: number } = {},
): Promise<Mail[]> {
  const to = address.toLowerCase();
  const deadline = Date.now() + timeout;
  for (;;) {
    const mails = allMails().filter((mail) => mail.to === to);
    if (mails.length >= atLeast) return mails;
    if (Date.now() >= deadline) {
      throw new Error(`expected ${atLeast} mail(s) to ${address} within ${timeout} ms, got ${mails.length}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
