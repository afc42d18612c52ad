import fs from 'node:fs';
import path from 'node:path';
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

  it('is where every route handler takes its role from', () => {
    const root = path.resolve(import.meta.dirname, '../../app/api');
    const routes = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('route.ts'));
    expect(routes.length).toBeGreaterThan(30);
    for (const file of routes) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (!text.includes('apiRoute(')) continue;
      // every apiRoute call is apiRoute(routeAccess(…)) (or apiRoute({ ...routeAccess(…), body })), for a path and method of the table
      expect(text.match(/apiRoute\(/g)!.length, file).toBe(text.match(/apiRoute\((?:\{ \.\.\.)?routeAccess\(/g)?.length ?? 0);
      const template = '/api/' + path.dirname(file).replace(/\[(\w+)\]/g, '{$1}');
      for (const [, route, method] of text.matchAll(/routeAccess\('([^']+)', '(\w+)'\)/g)) {
        expect(route, file).toBe(template);
        expect(text, file).toMatch(new RegExp(`export const ${method} = apiRoute\\((?:\\{ \\.\\.\\.)?routeAccess\\('${route.replace(/[{}]/g, '\\$&')}', '${method}'\\)`));
      }
    }
  });
});
