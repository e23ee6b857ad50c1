/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
import { readFileSync } from 'node:fs';

const swcOptions = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcOptions.jsc.baseUrl;
delete swcOptions.jsc.paths;

// jose 6 ships only ES modules; Jest's CommonJS runtime needs it transformed.
const esmOnlyPackages = ['jose'];

const config: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcOptions, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@ticketing/platform/domain$': '<rootDir>/libs/platform/src/domain',
    '^@ticketing/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
