import { afterEach, describe, expect, it } from 'vitest';
import { setEnv } from '../env';
import { assertSameOrigin } from './same-origin';

const write = (url: string, origin: string) =>
  new Request(url, { method: 'POST', headers: { cookie: 'session=1', origin, 'content-type': 'application/json' }, body: '{}' });

describe('the app origin a cookie write must come from', () => {
  afterEach(() => {
    setEnv({ APP_URL: null, PORT: null });
  });

  it('is http://localhost:PORT without APP_URL, not the interface the server listens on', () => {
    setEnv({ APP_URL: null, PORT: '3300' });
    // next start -H 0.0.0.0 addresses every request to 0.0.0.0, whatever the browser shows
    expect(() => assertSameOrigin(write('http://0.0.0.0:3300/api/v1/tokens', 'http://localhost:3300'))).not.toThrow();
    expect(() => assertSameOrigin(write('http://0.0.0.0:3300/api/v1/tokens', 'http://0.0.0.0:3300'))).toThrow(/cross-origin/);
  });

  it("is APP_URL's origin when it is set", () => {
    setEnv({ APP_URL: 'https://tourmalet.example.com/app' });
    expect(() => assertSameOrigin(write('http://10.0.0.5:3000/api/v1/tokens', 'https://tourmalet.example.com'))).not.toThrow();
    expect(() => assertSameOrigin(write('http://10.0.0.5:3000/api/v1/tokens', 'http://localhost:3000'))).toThrow(/cross-origin/);
  });
});
