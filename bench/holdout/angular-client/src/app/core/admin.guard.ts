import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

// Navigation guard for the admin area; the API enforces the same roles.
export const adminGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.roles.includes('payroll-admin') ? true : inject(Router).createUrlTree(['/']); // ok: authz.missing
};
