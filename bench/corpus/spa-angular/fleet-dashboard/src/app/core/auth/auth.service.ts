import { Injectable, computed, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { Router } from '@angular/router';
import { Observable, tap, map, catchError, of } from 'rxjs';
import { environment } from '../../../environments/environment';

export interface FleetUser {
  id: string;
  name: string;
  email: string;
  depotId: string;
}

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user: FleetUser;
  permissions: string[];
}

const ACCESS_KEY = 'fleet.access_token';
const REFRESH_KEY = 'fleet.refresh_token';
const USER_KEY = 'fleet.user';

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);

  private readonly _user = signal<FleetUser | null>(this.restoreUser());
  private readonly _permissions = signal<ReadonlySet<string>>(new Set());

  readonly user = this._user.asReadonly();
  readonly displayName = computed(() => this._user()?.name ?? '');

  login(email: string, password: string): Observable<FleetUser> {
    return this.http
      .post<TokenResponse>(`${environment.apiUrl}/oauth/token`, { grant_type: 'password', username: email, password })
      .pipe(
        tap((res) => {
          localStorage.setItem(ACCESS_KEY, res.access_token); // expect: token.storage
          localStorage.setItem(REFRESH_KEY, res.refresh_token); // expect: token.storage
          localStorage.setItem(USER_KEY, JSON.stringify(res.user)); // ok: token.storage
          this._user.set(res.user);
          this._permissions.set(new Set(res.permissions));
        }),
        map((res) => res.user),
      );
  }

  refresh(): Observable<string | null> {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return of(null);
    return this.http
      .post<TokenResponse>(`${environment.apiUrl}/oauth/token`, { grant_type: 'refresh_token', refresh_token: refreshToken })
      .pipe(
        tap((res) => localStorage.setItem(ACCESS_KEY, res.access_token)), // expect: token.storage
        map((res) => res.access_token),
        catchError(() => {
          this.logout();
          return of(null);
        }),
      );
  }

  get accessToken(): string | null {
    return localStorage.getItem(ACCESS_KEY);
  }

  isLoggedIn(): boolean {
    return !!localStorage.getItem(ACCESS_KEY); // expect: token.expiry
  }

  /** Hides toolbar actions the user can't perform; the API enforces the same permissions. */
  can(permission: string): boolean {
    return this._permissions().has(permission); // ok: authz.missing
  }

  logout(): void {
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
    localStorage.removeItem(USER_KEY);
    this._user.set(null);
    this._permissions.set(new Set());
    void this.router.navigate(['/login']);
  }

  private restoreUser(): FleetUser | null {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as FleetUser) : null;
  }
}
