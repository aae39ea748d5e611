import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { pbkdf2Sync, randomBytes } from 'crypto';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  findByEmail(email: string) {
    return this.repo.findOne({ where: { email: email.toLowerCase() } });
  }

  async create(email: string, password: string) {
    const salt = randomBytes(16);
    const hash = pbkdf2Sync(password, salt, 1000, 32, 'sha1'); // expect: password.hash
    return this.repo.save(this.repo.create({ email: email.toLowerCase(), passwordHash: `${salt.toString('hex')}:${hash.toString('hex')}`, roles: ['user'] }));
  }

  async setExportPassphrase(userId: string, passphrase: string) {
    const salt = randomBytes(16);
    const derived = pbkdf2Sync(passphrase, salt, 600_000, 64, 'sha512'); // ok: password.hash
    await this.repo.update(userId, { exportKeySalt: salt.toString('hex'), exportKeyHash: derived.toString('hex') });
  }
}
