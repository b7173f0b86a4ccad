// A local certificate authority and a server certificate for 127.0.0.1 and localhost, made on the first
// `sandbox --tls` and kept in the data folder. The official CLI opens its event socket with `wss:` even
// against an `http:` API host, so the sandbox must speak TLS for it; a user trusts the CA by exporting
// NODE_EXTRA_CA_CERTS=DATA/ca.pem. Keys are ECDSA P-256 made by Node's WebCrypto (fast, no OpenSSL
// binary needed) and written 0600.
import { webcrypto } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
// @peculiar/x509 resolves its providers through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { tlsFiles } from './tls-files.js';

export interface SandboxTls {
  key: string;
  cert: string;
  /** The CA certificate to trust (NODE_EXTRA_CA_CERTS). */
  caPath: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
/** The server certificate stays under the 398 days that clients accept for leaf certificates. */
const LEAF_DAYS = 397;
const CA_DAYS = 3650;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

async function pem(key: webcrypto.CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importKey(pemText: string): Promise<webcrypto.CryptoKey> {
  const der = x509.PemConverter.decode(pemText)[0]!;
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, true, ['sign']) as Promise<webcrypto.CryptoKey>;
}

function serial(): string {
  // Positive, 16 bytes: the leading nibble is kept below 8.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function writePrivate(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
}

async function writePublic(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode: 0o644 });
  await rename(temp, file);
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function makeCa(now: Date): Promise<{ cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=clever-notify sandbox local CA, O=clever-notify',
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + CA_DAYS * DAY_MS),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

async function makeLeaf(
  ca: { cert: x509.X509Certificate; privateKey: webcrypto.CryptoKey },
  now: Date,
): Promise<{ cert: x509.X509Certificate; key: webcrypto.CryptoKey }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=localhost',
    issuer: ca.cert.subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + LEAF_DAYS * DAY_MS),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  return { cert, key: keys.privateKey };
}

function stillValid(certPem: string, now: Date): boolean {
  const cert = new x509.X509Certificate(certPem);
  // Renew a week before expiry so that a long-running sandbox does not cross it.
  return cert.notAfter.getTime() - now.getTime() > 7 * DAY_MS;
}

/**
 * The key and certificate to serve HTTPS with, made on first use and reused after. The CA is kept as
 * long as it is valid, so a user's NODE_EXTRA_CA_CERTS keeps working when the leaf is renewed.
 */
export async function ensureSandboxTls(dataDir: string, now: Date = new Date()): Promise<SandboxTls> {
  const files = tlsFiles(dataDir);
  await mkdir(dataDir, { recursive: true });
  const [caCertPem, caKeyPem, certPem, keyPem] = await Promise.all(
    [files.caCert, files.caKey, files.cert, files.key].map(readIfPresent),
  );
  if (caCertPem && caKeyPem && certPem && keyPem && stillValid(certPem, now)) {
    return { key: keyPem, cert: certPem, caPath: files.caCert };
  }

  let ca: { cert: x509.X509Certificate; privateKey: webcrypto.CryptoKey };
  if (caCertPem && caKeyPem && stillValid(caCertPem, now)) {
    ca = { cert: new x509.X509Certificate(caCertPem), privateKey: await importKey(caKeyPem) };
  } else {
    const made = await makeCa(now);
    ca = { cert: made.cert, privateKey: made.keys.privateKey };
    await writePrivate(files.caKey, await pem(made.keys.privateKey));
    await writePublic(files.caCert, made.cert.toString('pem'));
  }
  const leaf = await makeLeaf(ca, now);
  // The chain (leaf then CA) lets clients that only trust the CA build the path.
  const chain = `${leaf.cert.toString('pem')}\n${ca.cert.toString('pem')}\n`;
  const leafKey = await pem(leaf.key);
  await writePrivate(files.key, leafKey);
  await writePublic(files.cert, chain);
  return { key: leafKey, cert: chain, caPath: files.caCert };
}
