import { describe, expect, it } from 'vitest';
import { badPathEncoding } from './path-encoding';

describe('path encoding', () => {
  it('refuses a path segment that is not UTF-8, naming the route parameter', async () => {
    const res = badPathEncoding('/api/v1/scenarios/%C3%28/versions');
    expect(res?.status).toBe(400);
    expect(await res!.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'id: is not valid UTF-8', issues: [{ field: 'id', message: 'is not valid UTF-8' }] },
    });
    const version = await badPathEncoding('/api/v1/scenarios/abc/versions/%ED%A0%80/restore')!.json();
    expect(version.error.issues[0].field).toBe('version');
    expect((await badPathEncoding('/api/v1/nowhere/%FF')!.json()).error.issues[0].field).toBe('(path)');
  });

  it('lets well-encoded paths through, NUL included (the route refuses it, after authentication)', () => {
    expect(badPathEncoding('/api/v1/prices/aws%3Aec2%3Am6i.large%40eu-west-3/history')).toBeNull();
    expect(badPathEncoding('/api/v1/scenarios/%C3%A9t%C3%A9')).toBeNull();
    expect(badPathEncoding('/api/v1/users/%00')).toBeNull();
  });
});
