import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  /** The store, the head of the log and how far the read models have come. */
  @Get()
  async health() {
    const head = await this.ledger.store.headPosition();
    const readModels = this.ledger.engine.position();
    return { status: readModels >= head ? 'ok' : 'catching-up', store: this.ledger.store.name, logPosition: head, readModelPosition: readModels };
  }
}
