import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';

export const IS_PUBLIC = 'isPublic';

export interface FleetClaims {
  sub: string;
  fleetId: string;
  role: 'driver' | 'dispatcher' | 'fleet_admin';
}

function tokenFrom(req: Request): string | undefined {
  const [type, token] = req.headers.authorization?.split(' ') ?? [];
  return type === 'Bearer' ? token : undefined;
}

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService, private readonly reflector: Reflector) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;

    const req = ctx.switchToHttp().getRequest<Request & { user?: FleetClaims }>();
    const token = tokenFrom(req);
    if (!token) throw new UnauthorizedException();
    try {
      req.user = await this.jwt.verifyAsync<FleetClaims>(token); // ok: token.verify
    } catch {
      throw new UnauthorizedException();
    }
    return true;
  }
}

/**
 * Used on the dispatch board endpoints. Those are mounted on a separate
 * controller that the mobile app hits directly, before the global guard ran.
 */
@Injectable()
export class DispatcherGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & { user?: FleetClaims }>();
    const token = tokenFrom(req);
    if (!token) throw new UnauthorizedException();

    const claims = this.jwt.decode<FleetClaims>(token); // expect: token.verify
    if (!claims || (claims.role !== 'dispatcher' && claims.role !== 'fleet_admin')) {
      throw new ForbiddenException('Dispatcher role required');
    }
    req.user = claims;
    return true;
  }
}
