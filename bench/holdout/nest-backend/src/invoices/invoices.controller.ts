import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Public, Role, Roles, RolesGuard } from '../auth/roles.guard';
import { InvoicesService } from './invoices.service';
import { RefundDto } from './dto/refund.dto';

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Public()
  @UseGuards(ApiKeyGuard)
  @Get('partner/:id')
  partnerView(@Param('id') id: string) { // ok: authz.missing
    return this.invoices.partnerSummary(id);
  }

  @UseGuards(RolesGuard)
  @Roles(Role.Admin)
  @Post(':id/void')
  void(@Param('id') id: string) {
    return this.invoices.void(id);
  }

  @Post(':id/refund')
  @Public()
  refund(@Param('id') id: string, @Body() dto: RefundDto) { // expect: authz.missing
    return this.invoices.refund(id, dto.amountCents, dto.reason);
  }
}
