// The certificate the inbound receiver presents on STARTTLS (INBOUND_TLS_CERT and INBOUND_TLS_KEY, paths to
// PEM files), checked at startup so a wrong file stops the server with a clear message rather than failing
// every sender's handshake. Read once: a renewed certificate takes effect at the next restart.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface ReceiverTls {
  cert: Buffer;
  key: Buffer;
  /** The certificate's subject, for the startup log line. */
  subject: string;
  validTo: Date;
}

export async function loadReceiverTls(files: { certFile: string; keyFile: string }): Promise<ReceiverTls> {
  const read = (path: string, name: string) =>
    readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`Inbound mail: cannot read ${name} ${path} (${error.code ?? error.message}).`);
    });
  const [cert, key] = await Promise.all([read(files.certFile, 'INBOUND_TLS_CERT'), read(files.keyFile, 'INBOUND_TLS_KEY')]);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new Error(`Inbound mail: INBOUND_TLS_CERT ${files.certFile} is not a PEM certificate.`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error(`Inbound mail: INBOUND_TLS_KEY ${files.keyFile} is not an unencrypted PEM private key.`);
  }
  if (!certificate.checkPrivateKey(privateKey)) throw new Error('Inbound mail: INBOUND_TLS_KEY does not belong to the certificate in INBOUND_TLS_CERT.');
  return { cert, key, subject: certificate.subject.replace(/\n/g, ', '), validTo: new Date(certificate.validTo) };
}
