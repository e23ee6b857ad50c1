import { v5 as uuidv5 } from 'uuid';
import { NameBasedIds } from './name-based-ids';

const namespace = '2b7f0c54-91d3-4a6e-8c1f-5e3a9d7b6c20';

describe('NameBasedIds', () => {
  it.each([
    ['an ASCII name', 'guest:ann@example.com/checkout-7'],
    ['an empty name', ''],
    ['accents, scripts and an emoji', 'guest:zoë@例え.jp/Café Müller 🎫'],
  ])('gives %s the id uuid gives the same name as a string, so ids already stored still match', (_, name) => {
    expect(new NameBasedIds(namespace).idOf(name)).toBe(uuidv5(name, namespace));
  });

  it('gives the same name the same id, and another namespace another id', () => {
    const ids = new NameBasedIds(namespace);
    const elsewhere = new NameBasedIds('6f1b4c8e-3d0a-4e52-9a8f-0b7c2d9e4a11');

    expect(ids.idOf('booking/42')).toBe(ids.idOf('booking/42'));
    expect(elsewhere.idOf('booking/42')).not.toBe(ids.idOf('booking/42'));
  });
});
