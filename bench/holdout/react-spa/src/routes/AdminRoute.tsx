import { Navigate, Outlet } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

interface Me {
  id: string;
  roles: string[];
}

// UI gate only: every /admin API call is authorized again on the server.
export function AdminRoute() {
  const { data, isLoading } = useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/users/me').then((r) => r.data) });
  if (isLoading) return null;
  const isAdmin = data?.roles.includes('admin') ?? false; // ok: authz.missing
  return isAdmin ? <Outlet /> : <Navigate to="/" replace />;
}
