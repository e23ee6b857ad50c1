import 'reflect-metadata';
import { ErrorCode } from '@ticketing/platform';
import { NO_STREAM } from '@ticketing/event-store';
import { ruleViolation } from '@ticketing/platform/domain';
console.log(ErrorCode.CONFLICT, NO_STREAM, ruleViolation('X','y').code);
