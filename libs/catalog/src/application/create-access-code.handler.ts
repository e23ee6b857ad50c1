import { randomInt } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { Clock, type CommandOrigin, commandContextFor } from '@ticketing/platform';
import { requirePrincipal } from '@ticketing/platform/domain';
import { normaliseAccessCode } from '../domain/access-code';
import { runTicketTypeCommand } from './run-ticket-type-command';

/** No 0/O or 1/I: invitees copy codes by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GENERATED_CODE_LENGTH = 10;

export class CreateAccessCodeCommand extends Command<{ eventId: string; code: string }> {
  constructor(
    readonly eventId: string,
    /** Chosen by the organizer, or generated when left out. */
    readonly code: string | undefined,
    readonly ticketTypeIds: string[],
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

@CommandHandler(CreateAccessCodeCommand)
export class CreateAccessCodeHandler implements ICommandHandler<CreateAccessCodeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_YOUR_WRITES) private readonly readYourWrites: ReadYourWrites,
    private readonly clock: Clock,
  ) {}

  async execute({ eventId, code, ticketTypeIds, origin }: CreateAccessCodeCommand) {
    const actor = requirePrincipal(origin.principal);
    const chosen = normaliseAccessCode(code ?? generateCode());
    const command = { type: 'CreateAccessCode' as const, eventId, actor, code: chosen, ticketTypeIds };
    const outcome = await runTicketTypeCommand(
      this.store,
      command,
      commandContextFor(origin, this.clock.now()),
    );
    await this.readYourWrites.waitFor(outcome.position);
    return { eventId, code: chosen };
  }
}

function generateCode(): string {
  return Array.from(
    { length: GENERATED_CODE_LENGTH },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  ).join('');
}
