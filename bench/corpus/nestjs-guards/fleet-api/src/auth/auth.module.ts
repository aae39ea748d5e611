import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DispatcherGuard, JwtAuthGuard } from './guards';

@Module({
  imports: [
    UsersModule,
    PassportModule.register({ defaultStrategy: 'jwt' }),
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: 20 }]),
    JwtModule.register({ // expect: token.expiry
      global: true,
      secret: 'fleet-api::9c41e07b5d2a8f63c1e4b7a09d5f2e18', // expect: secret.inline
      signOptions: {
        algorithm: 'HS256',
        issuer: 'fleet-api',
      },
      verifyOptions: {
        algorithms: ['HS256'],
        issuer: 'fleet-api',
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtAuthGuard,
    DispatcherGuard,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
  ],
  exports: [AuthService, JwtAuthGuard, DispatcherGuard],
})
export class AuthModule {}
