// A small SMTP server for the browser tests: the server under test delivers
// its mail here (VW_SMTP_URL=smtp://127.0.0.1:<port>?tls=none), as it would to
// a real mail server. Each message is written, once per recipient, as a JSON
// file {to, subject, text} into VW_E2E_MAIL_DIR, where specs read it with
// mailsTo() from mail.ts.
//
// Started by playwright.config.ts before the app server, on the port
// VW_E2E_SMTP_PORT (scripts/test picks a free one). Plain SMTP on loopback:
// no TLS, no log-in.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.VW_E2E_SMTP_PORT ?? 3125);
const folder = process.env.VW_E2E_MAIL_DIR;
if (!folder) {
  console.error('smtp-sink: set VW_E2E_MAIL_DIR to the folder for the mails');
  process.exit(2);
}
mkdirSync(folder, { recursive: true });

/** Writes a file whole or not at all: a spec never reads half a mail. */
function save(mail) {
  const name = `${Date.now()}-${randomUUID()}.json`;
  const partial = join(folder, `.${name}.partial`);
  writeFileSync(partial, JSON.stringify(mail));
  renameSync(partial, join(folder, name));
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  async onData(stream, session, callback) {
    try {
      const parsed = await simpleParser(stream);
      for (const { address } of session.envelope.rcptTo) {
        save({
          to: address.toLowerCase(),
          subject: parsed.subject ?? '',
          text: (parsed.text ?? '').replace(/\r\n/g, '\n').trimEnd(),
        });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  },
});
// A client that hangs up (Playwright's readiness check does) is no failure.
server.on('error', (error) => console.error(`smtp-sink: ${error.message}`));
server.listen(port, '127.0.0.1', () => console.log(`smtp-sink: listening on 127.0.0.1:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
