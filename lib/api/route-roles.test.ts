import { describe, expect, it } from 'vitest';
import { buildOpenApi, undocumentedRoutes } from './openapi';
import { matchRoute, ROUTE_ROLES } from './route-roles';

describe('route roles', () => {
  it('documents every operation of the table with its role, and no operation outside it', () => {
    expect(undocumentedRoutes()).toEqual([]);
    const doc = buildOpenApi();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const role = (ROUTE_ROLES as Record<string, Record<string, string>>)[path]?.[method.toUpperCase()];
        expect(role, `${method} ${path}`).toBeDefined();
        expect((op as { 'x-required-role': string })['x-required-role']).toBe(role);
      }
    }
  });

  it('matches a path to its template, a fixed segment before a parameter', () => {
    expect(matchRoute('/api/v1/scenarios/compare')?.template).toBe('/api/v1/scenarios/compare');
    expect(matchRoute('/api/v1/scenarios/abc/versions/2/restore')).toEqual({
      template: '/api/v1/scenarios/{id}/versions/{version}/restore',
      params: { 4: 'id', 6: 'version' },
    });
    expect(matchRoute('/api/v1/nowhere')).toBeNull();
  });
});
