import { describe, expect, it } from 'vitest';
import { assertJsonBody } from '../api/same-origin';
import { bearerToken } from './bearer';

const headers = (init: Record<string, string>) => new Headers(init);

describe('bearerToken', () => {
  it('reads the token of a Bearer header, any case, space or tab', () => {
    expect(bearerToken(headers({ authorization: 'Bearer abc.def' }))).toBe('abc.def');
    expect(bearerToken(headers({ authorization: 'bearer\tabc' }))).toBe('abc');
    expect(bearerToken(headers({ authorization: 'BEARER  abc  ' }))).toBe('abc');
  });

  it('gives null for anything else, so that the same-origin check applies to it', () => {
    for (const value of ['Bearer', 'Bearer ', 'Bearerabc', 'Basic abc', 'Bearer a b', ''])
      expect(bearerToken(headers({ authorization: value })), value).toBeNull();
    expect(bearerToken(headers({}))).toBeNull();
  });
});

describe('assertJsonBody', () => {
  const post = (init: Record<string, string>, body?: string) =>
    new Request('http://localhost/api/v1/x', { method: 'POST', headers: init, body });

  it('lets a write without a body through whatever its declared type', () => {
    expect(() => assertJsonBody(post({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' }))).not.toThrow();
    expect(() => assertJsonBody(post({}))).not.toThrow();
  });

  it('refuses a body that is not declared JSON with 415, and takes one that is', () => {
    const text = post({ 'content-type': 'text/plain', 'content-length': '2' }, '{}');
    expect(() => assertJsonBody(text)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => assertJsonBody(post({ 'content-type': 'application/json; charset=utf-8', 'content-length': '2' }, '{}'))).not.toThrow();
    expect(() => assertJsonBody(post({ 'content-type': 'application/merge-patch+json', 'content-length': '2' }, '{}'))).not.toThrow();
  });
});
