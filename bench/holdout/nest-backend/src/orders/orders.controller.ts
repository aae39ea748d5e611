import { Controller, Delete, Get, Param, Req, UseGuards } from '@nestjs/common';
import { Public, Role, Roles, RolesGuard } from '../auth/roles.guard';
import { TenantGuard } from '../auth/tenant.guard';
import { OrdersService } from './orders.service';

@Controller('orders')
@UseGuards(RolesGuard, TenantGuard)
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  findMine(@Req() req) {
    return this.orders.findForUser(req.tenantId, req.user.sub);
  }

  @Public()
  @Get('catalog')
  catalog() { // ok: authz.missing
    return this.orders.publicCatalog();
  }

  @Roles(Role.Admin)
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.orders.remove(id);
  }
}
