import {
  type DocumentNode,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { queryLimitsPlugin } from './query-limits.plugin';

const listCost = jest.fn(
  ({ args, childComplexity }: { args: { first: number }; childComplexity: number }) =>
    1 + args.first * childComplexity,
);

const Item: GraphQLObjectType = new GraphQLObjectType({
  name: 'Item',
  fields: () => ({
    name: { type: GraphQLString },
    child: { type: Item },
  }),
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
        extensions: { complexity: listCost },
      },
      item: { type: Item },
    },
  }),
});

const limits = { maxDepth: 3, maxComplexity: 50 };

/** Runs the plugin's check as Apollo does for one request; resolves with the error code it refused with, or null. */
async function check(
  plugin: ReturnType<typeof queryLimitsPlugin>,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<string | null> {
  const listener = await plugin.requestDidStart!({} as never);
  try {
    await listener!.didResolveOperation!({
      request: { variables, operationName },
      document,
      schema,
    } as never);
    return null;
  } catch (error) {
    return String((error as { extensions?: { code?: unknown } }).extensions?.code);
  }
}

describe('queryLimitsPlugin', () => {
  beforeEach(() => listCost.mockClear());

  it('refuses an operation deeper than the limit, every time it comes', async () => {
    const plugin = queryLimitsPlugin(limits);
    const deep = parse('{ item { child { child { child { name } } } } }');

    expect(await check(plugin, deep)).toBe('QUERY_TOO_COMPLEX');
    expect(await check(plugin, deep)).toBe('QUERY_TOO_COMPLEX');
    expect(await check(plugin, parse('{ item { child { name } } }'))).toBeNull();
  });

  it('refuses an operation costing more than the limit, also when the same document comes again', async () => {
    const plugin = queryLimitsPlugin(limits);
    const costly = parse('{ items(first: 100) { name } }');

    expect(await check(plugin, costly)).toBe('QUERY_TOO_COMPLEX');
    expect(await check(plugin, costly)).toBe('QUERY_TOO_COMPLEX');
  });

  it('works out once the cost of a document that no variable can change', async () => {
    const plugin = queryLimitsPlugin(limits);
    const fixed = parse('query ($name: String) { items(first: 3) { name } item { name } }');

    expect(await check(plugin, fixed, { name: 'a' })).toBeNull();
    expect(await check(plugin, fixed, { name: 'b' })).toBeNull();
    expect(listCost).toHaveBeenCalledTimes(1);
  });

  it('prices a list by the first its variables give, request by request', async () => {
    const plugin = queryLimitsPlugin(limits);
    const paged = parse('query ($first: Int!) { items(first: $first) { name } }');

    expect(await check(plugin, paged, { first: 2 })).toBeNull();
    expect(await check(plugin, paged, { first: 100 })).toBe('QUERY_TOO_COMPLEX');
    expect(await check(plugin, paged, { first: 2 })).toBeNull();
  });

  it('prices a subtree by the @include its variables give, request by request', async () => {
    const plugin = queryLimitsPlugin(limits);
    const optional = parse(
      'query ($all: Boolean!) { items(first: 100) @include(if: $all) { name } item { name } }',
    );

    expect(await check(plugin, optional, { all: false })).toBeNull();
    expect(await check(plugin, optional, { all: true })).toBe('QUERY_TOO_COMPLEX');
    expect(await check(plugin, optional, { all: false })).toBeNull();
  });

  it('prices the operation the request names, among several in one document', async () => {
    const plugin = queryLimitsPlugin(limits);
    const both = parse('query Cheap { item { name } } query Costly { items(first: 100) { name } }');

    expect(await check(plugin, both, {}, 'Cheap')).toBeNull();
    expect(await check(plugin, both, {}, 'Costly')).toBe('QUERY_TOO_COMPLEX');
    expect(await check(plugin, both, {}, 'Cheap')).toBeNull();
  });

  it('refuses a variable of the wrong type with VALIDATION_FAILED', async () => {
    const plugin = queryLimitsPlugin(limits);
    const paged = parse('query ($first: Int!) { items(first: $first) { name } }');

    expect(await check(plugin, paged, { first: 'many' })).toBe('VALIDATION_FAILED');
  });
});
