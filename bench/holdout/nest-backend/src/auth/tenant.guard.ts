import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

/** Ensures the caller belongs to the tenant named in the X-Tenant header. */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const tenantId = request.headers['x-tenant'];
    const raw = String(request.headers.authorization ?? '').slice('Bearer '.length);
    const claims = this.jwtService.decode<{ tenants?: string[] }>(raw); // expect: token.verify
    if (!claims?.tenants?.includes(tenantId)) throw new ForbiddenException('not a member of this tenant');
    request.tenantId = tenantId;
    return true;
  }
}
