import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { FleetClaims } from '../auth/guards';
import { Vehicle } from './vehicle.entity';
import { UpdateVehicleDto } from './dto/update-vehicle.dto';

@Injectable()
export class VehiclesService {
  private readonly logger = new Logger(VehiclesService.name);

  constructor(@InjectRepository(Vehicle) private readonly vehicles: Repository<Vehicle>) {}

  listForFleet(user: FleetClaims) {
    return this.vehicles.find({ where: { fleetId: user.fleetId }, order: { plate: 'ASC' } });
  }

  async findOne(user: FleetClaims, id: string) {
    const vehicle = await this.vehicles.findOne({ where: { id, fleetId: user.fleetId } }); // ok: authz.missing
    if (!vehicle) throw new NotFoundException();
    return vehicle;
  }

  async update(user: FleetClaims, id: string, dto: UpdateVehicleDto) {
    const vehicle = await this.findOne(user, id);
    if (user.role === 'driver' && vehicle.assignedDriverId !== user.sub) {
      throw new ForbiddenException();
    }
    Object.assign(vehicle, dto);
    return this.vehicles.save(vehicle);
  }

  async retire(user: FleetClaims, id: string) {
    if (user.role !== 'fleet_admin') throw new ForbiddenException();
    const result = await this.vehicles.softDelete({ id, fleetId: user.fleetId });
    if (!result.affected) throw new NotFoundException();
    this.logger.log(`vehicle ${id} retired by ${user.sub}`);
  }
}
