import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { environment } from '../../../environments/environment';

const jwtHelper = new JwtHelperService();

function withBearer(req: HttpRequest<unknown>, token: string) {
  return req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }); // ok: token.storage
}

function isOwnApi(url: string): boolean {
  // Never attach the fleet token to map tiles, telemetry or other third-party hosts.
  return url.startsWith(environment.apiUrl);
}

export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isOwnApi(req.url) || req.url.endsWith('/oauth/token')) {
    return next(req);
  }

  const auth = inject(AuthService);
  const token = auth.accessToken;
  if (!token) return next(req);

  if (jwtHelper.isTokenExpired(token, 30)) { // ok: token.expiry
    return auth.refresh().pipe(
      switchMap((fresh) => {
        if (!fresh) return throwError(() => new Error('Session expired'));
        return next(withBearer(req, fresh));
      }),
    );
  }

  return next(withBearer(req, token)).pipe(
    catchError((err: HttpErrorResponse) => {
      if (err.status === 401) {
        auth.logout();
      } else if (err.status === 0) {
        console.warn('[fleet] network error calling', req.method, req.urlWithParams);
      }
      return throwError(() => err);
    }),
  );
};
