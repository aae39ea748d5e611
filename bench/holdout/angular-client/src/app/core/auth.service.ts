import { Injectable, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { Router } from '@angular/router';
import { Observable, map, tap } from 'rxjs';
import { jwtDecode } from 'jwt-decode';
import { environment } from '../../environments/environment';

export interface Credentials {
  email: string;
  password: string;
}

interface TokenResponse {
  idToken: string;
  expiresIn: number;
}

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  readonly loggedIn = signal(this.hasValidSession());

  login(credentials: Credentials): Observable<void> {
    return this.http.post<TokenResponse>(`${environment.apiUrl}/auth/login`, credentials).pipe(
      tap((res) => this.setSession(res)),
      map(() => undefined),
    );
  }

  logout(): void {
    localStorage.removeItem('id_token');
    localStorage.removeItem('expires_at');
    this.loggedIn.set(false);
    this.router.navigateByUrl('/login');
  }

  get roles(): string[] {
    const token = localStorage.getItem('id_token');
    return token ? (jwtDecode<{ roles?: string[] }>(token).roles ?? []) : []; // ok: token.verify
  }

  private setSession(res: TokenResponse): void {
    localStorage.setItem('id_token', res.idToken); // expect: token.storage
    localStorage.setItem('expires_at', String(Date.now() + res.expiresIn * 1000)); // ok: token.storage
    this.loggedIn.set(true);
  }

  private hasValidSession(): boolean {
    return Date.now() < Number(localStorage.getItem('expires_at') ?? 0);
  }
}
