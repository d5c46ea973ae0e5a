import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../access/access.decorator';
import { isRole, ROLES } from '../access/roles';
import { TokenError, type CreatedToken, type TokenRecord } from '../access/token-store';
import { InvalidInput, NotFound } from '../domain/ledger-errors';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';

/** Token management for the admin role; the same as `npx ledger token …` on the server. */
@ApiTags('admin')
@ApiBearerAuth()
@RequiresAccess('admin')
@Controller('admin/tokens')
export class TokensController {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  @Get()
  @ApiOperation({ summary: 'Every token ever created (never the secret)' })
  list(): TokenRecord[] {
    return this.ledger.tokens.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a token: { "role": "clerk", "name": "Anna Svensson" }. The secret is in this answer only.' })
  create(@Body() body: unknown): CreatedToken {
    const { role, name } = (body ?? {}) as { role?: unknown; name?: unknown };
    const problems = [];
    if (typeof role !== 'string' || !isRole(role)) problems.push({ field: 'role', message: `must be one of ${ROLES.join(', ')}` });
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100) problems.push({ field: 'name', message: 'must be a string of 1-100 characters' });
    if (typeof body !== 'object' || body === null || Array.isArray(body)) problems.push({ field: 'body', message: 'must be an object' });
    if (problems.length > 0) throw new InvalidInput('The token request is malformed', problems);
    try {
      return this.ledger.tokens.create(role as never, name as string);
    } catch (error) {
      if (error instanceof TokenError) throw new InvalidInput(error.message, [{ field: 'name', message: error.message }]);
      throw error;
    }
  }

  @Post(':token/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a token by id or name; it stops working at once' })
  revoke(@Param('token') token: string): TokenRecord {
    const revoked = this.ledger.tokens.revoke(token);
    if (!revoked) throw new NotFound(`No active token ${token}`, [{ field: 'token', message: 'no active token with this id or name' }]);
    return revoked;
  }
}
