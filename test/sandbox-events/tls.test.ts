import { readFile, stat } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureSandboxTls } from '../../source/sandbox/tls.js';
import { tlsFiles } from '../../source/sandbox/tls-files.js';
import { tempDir } from './support.js';

function get(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe('sandbox TLS', async () => {
  const dir = await tempDir();
  afterAll(() => dir.remove());

  it('makes a CA and a certificate that clients trusting the CA accept for 127.0.0.1 and localhost', async () => {
    const tls = await ensureSandboxTls(dir.path);
    const server = https.createServer({ key: tls.key, cert: tls.cert }, (_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const ca = await readFile(tls.caPath, 'utf8');
    try {
      expect(await get(`https://127.0.0.1:${port}/`, ca)).toBe('hello');
      expect(await get(`https://localhost:${port}/`, ca)).toBe('hello');
      await expect(get(`https://127.0.0.1:${port}/`, '')).rejects.toThrow();
    } finally {
      server.close();
    }
  });

  it('keeps the keys private and reuses the files on the next start', async () => {
    const files = tlsFiles(dir.path);
    expect((await stat(files.caKey)).mode & 0o777).toBe(0o600);
    expect((await stat(files.key)).mode & 0o777).toBe(0o600);
    const before = await readFile(files.cert, 'utf8');
    const again = await ensureSandboxTls(dir.path);
    expect(again.cert).toBe(before);
  });
});
