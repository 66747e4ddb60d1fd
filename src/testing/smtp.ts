// A local SMTP server for tests: everything sent to it is parsed and kept in `inbox`, in arrival order.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface LocalSmtp { url: string; inbox: ParsedMail[]; close(): Promise<void> }

export async function startSmtp(): Promise<LocalSmtp> {
  const inbox: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => { inbox.push(await simpleParser(Buffer.concat(chunks))); done(); });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, inbox, close: () => new Promise<void>((r) => server.close(() => r())) };
}
