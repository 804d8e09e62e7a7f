import { describe, expect, it } from 'vitest';

import { groupsFromClaims, roleForGroups, roleSatisfies } from './roles';

const mapping = { adminGroups: ['console-admins', 'platform'], viewerGroups: ['console-viewers'] };

describe('roleForGroups', () => {
  it.each([
    [['console-admins'], 'admin'],
    [['platform'], 'admin'],
    [['console-viewers'], 'viewer'],
    [['console-viewers', 'console-admins'], 'admin'],
    [['other', 'console-viewers'], 'viewer'],
    [[], null],
    [['Console-Admins'], null],
    [['console-admins '], null],
  ] as const)('%j -> %s', (groups, role) => {
    expect(roleForGroups(groups, mapping)).toBe(role);
  });
});

describe('groupsFromClaims', () => {
  it('reads an array, keeps only strings', () => {
    expect(groupsFromClaims({ groups: ['a', 1, null, 'b'] }, 'groups')).toEqual(['a', 'b']);
  });
  it('accepts a single string and a custom claim name', () => {
    expect(groupsFromClaims({ roles: 'console-admins' }, 'roles')).toEqual(['console-admins']);
  });
  it('treats a missing or odd claim as no groups', () => {
    expect(groupsFromClaims({}, 'groups')).toEqual([]);
    expect(groupsFromClaims({ groups: { admin: true } }, 'groups')).toEqual([]);
  });
});

describe('roleSatisfies', () => {
  it('admin covers viewer, nothing covers null', () => {
    expect(roleSatisfies('admin', 'viewer')).toBe(true);
    expect(roleSatisfies('admin', 'admin')).toBe(true);
    expect(roleSatisfies('viewer', 'viewer')).toBe(true);
    expect(roleSatisfies('viewer', 'admin')).toBe(false);
    expect(roleSatisfies(null, 'viewer')).toBe(false);
  });
});
