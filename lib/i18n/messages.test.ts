import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import fr from '../../messages/fr.json';

type TTree = { [key: string]: string | TTree };

function leaves(tree: TTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

// the ICU arguments a message uses: {count}, {amount, number}, {n, plural, …} → count, amount, n
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i += 1) {
    if (message[i] === '{') {
      depth += 1;
      const m = /^\{\s*([A-Za-z_][\w]*)\s*[,}]/.exec(message.slice(i));
      if (m && depth % 2 === 1) names.add(m[1]);
    } else if (message[i] === '}') depth -= 1;
  }
  return [...names].sort();
}

describe('messages', () => {
  const enLeaves = leaves(en as TTree);
  const frLeaves = leaves(fr as TTree);

  it('French has exactly the English keys', () => {
    expect([...frLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('each French message uses the same arguments as its English one', () => {
    for (const [key, message] of enLeaves) expect({ key, args: argumentsOf(frLeaves.get(key) ?? '') }).toEqual({ key, args: argumentsOf(message) });
  });

  it('no message is empty', () => {
    for (const [key, message] of frLeaves) expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
  });
});
