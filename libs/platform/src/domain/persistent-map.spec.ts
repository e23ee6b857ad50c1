import { deleteEntry, emptyMap, entriesOf, getEntry, type PersistentMap, setEntry } from './persistent-map';

describe('persistent map', () => {
  it('finds what was set under a key, and nothing under a key never set', () => {
    const map = setEntry(setEntry(emptyMap<number>(), 'r1', 1), 'r2', 2);
    expect(getEntry(map, 'r1')).toBe(1);
    expect(getEntry(map, 'r2')).toBe(2);
    expect(getEntry(map, 'r3')).toBeUndefined();
  });

  it('setting a key again replaces its value', () => {
    const map = setEntry(setEntry(emptyMap<string>(), 'r1', 'held'), 'r1', 'sold');
    expect(getEntry(map, 'r1')).toBe('sold');
    expect([...entriesOf(map)]).toEqual([['r1', 'sold']]);
  });

  it('a change leaves every earlier version as it was', () => {
    const before = setEntry(emptyMap<number>(), 'r1', 1);
    const after = setEntry(deleteEntry(before, 'r1'), 'r2', 2);
    expect(getEntry(before, 'r1')).toBe(1);
    expect(getEntry(before, 'r2')).toBeUndefined();
    expect(getEntry(after, 'r1')).toBeUndefined();
    expect(getEntry(after, 'r2')).toBe(2);
  });

  it('keeps tens of thousands of keys apart, and lists each once', () => {
    let map: PersistentMap<number> = emptyMap();
    for (let index = 0; index < 20_000; index++) map = setEntry(map, `reservation-${index}`, index);
    for (let index = 0; index < 20_000; index += 2) map = deleteEntry(map, `reservation-${index}`);
    const entries = [...entriesOf(map)];
    expect(entries).toHaveLength(10_000);
    expect(entries.every(([key, value]) => key === `reservation-${value}` && value % 2 === 1)).toBe(true);
    expect(getEntry(map, 'reservation-19999')).toBe(19_999);
    expect(getEntry(map, 'reservation-19998')).toBeUndefined();
  });

  it('deleting every key leaves an empty map, and deleting a missing key changes nothing', () => {
    const one = setEntry(emptyMap<number>(), 'r1', 1);
    expect(deleteEntry(deleteEntry(one, 'r2'), 'r1')).toEqual(emptyMap());
  });
});
