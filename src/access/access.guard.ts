import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Forbidden, Unauthenticated } from '../domain/ledger-errors';
import type { LedgerConfig } from '../config/ledger-config';
import { LEDGER, LEDGER_CONFIG } from '../ledger.token';
import type { Ledger } from '../ledger';
import { ACCESS_KEY } from './access.decorator';
import { bearerToken } from './bearer-token';
import { tokenPrincipal, type Principal } from './principal';
import { satisfies, type Access } from './roles';

export type RequestWithPrincipal = Request & { principal?: Principal };

/**
 * Every request passes here. A token, when sent, must be valid (a wrong token never falls
 * back to anonymous). Writes need a writer's token; audit routes the auditor's; token
 * management the admin's; reads are open unless LEDGER_READ_AUTH=on.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(LEDGER) private readonly ledger: Ledger,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? 'read';
    const secret = bearerToken(request.headers.authorization);
    if (secret !== null) {
      const token = this.ledger.tokens.verify(secret);
      if (!token) throw new Unauthenticated('The bearer token is unknown or revoked', [{ field: 'header.authorization', message: 'unknown or revoked token' }]);
      request.principal = tokenPrincipal(token.id, token.name, token.role);
    }
    const principal = request.principal;
    if (access === 'read' && !this.config.readAuth) return true;
    if (!principal) throw new Unauthenticated(`This needs a bearer token${access === 'read' ? '' : ` with the ${describe(access)} role`}`, [{ field: 'header.authorization', message: 'missing' }]);
    if (principal.role === 'system' || !satisfies(principal.role, access)) {
      throw new Forbidden(`A ${principal.role} token cannot do this; it needs the ${describe(access)} role`, [{ field: 'header.authorization', message: `role ${principal.role} is not allowed` }]);
    }
    return true;
  }
}

function describe(access: Access): string {
  return access === 'write' ? 'clerk or finance' : access === 'read' ? 'any' : access;
}
