import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLogin } from '../auth/useLogin';

export function LoginForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState(''); // ok: secret.inline
  const login = useLogin();
  const navigate = useNavigate();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    await login.mutateAsync({ email, password });
    setPassword('');
    navigate('/');
  }

  return (
    <form onSubmit={onSubmit} className="login-form">
      <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      <button disabled={login.isPending}>Sign in</button>
      {login.isError && <p className="error">Could not sign you in.</p>}
    </form>
  );
}
