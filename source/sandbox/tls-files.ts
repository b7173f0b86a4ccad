// Where the sandbox keeps its TLS material in the data folder; apart from ./tls.ts so that reading
// the CA does not load the certificate library.
import path from 'node:path';

export function tlsFiles(dataDir: string) {
  return {
    caCert: path.join(dataDir, 'ca.pem'),
    caKey: path.join(dataDir, 'ca-key.pem'),
    cert: path.join(dataDir, 'tls-cert.pem'),
    key: path.join(dataDir, 'tls-key.pem'),
  };
}
