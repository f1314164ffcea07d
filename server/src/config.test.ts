// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('defaults to this computer only, port 8787, SQLite under ./data', () => {
    const config = readConfig({}, []);
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: undefined,
      corsOrigins: [],
      rateLimitPerMinute: 1200,
    });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.distDir.endsWith('/dist')).toBe(true);
  });

  it('serves the LAN with --lan or HOST, and reads the other settings', () => {
    expect(readConfig({}, ['--lan']).host).toBe('0.0.0.0');
    const config = readConfig(
      {
        HOST: '0.0.0.0',
        PORT: '9000',
        DATABASE_URL: 'postgres://x',
        CORS_ORIGIN: 'https://a.example, https://b.example',
        DATA_DIR: '/srv/kit',
      },
      [],
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      databaseUrl: 'postgres://x',
      dataDir: '/srv/kit',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('refuses a bad port or an unknown flag instead of guessing', () => {
    for (const PORT of ['abc', '-1', '65536', '80.5'])
      expect(() => readConfig({ PORT }, []), PORT).toThrow(/PORT/);
    expect(() => readConfig({}, ['--port=1'])).toThrow(/--port=1/);
  });
});
