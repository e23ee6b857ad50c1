export * from './format-error';
export * from './validation.pipe';
export * from './query-limits.plugin';
export * from './graphql-context';
export * from './current-context.decorator';
export * from './trim.transform';
export * from './email-address.validator';
