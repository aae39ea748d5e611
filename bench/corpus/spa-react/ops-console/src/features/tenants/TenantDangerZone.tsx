import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { jwtDecode } from 'jwt-decode';

import { SESSION_KEYS } from '../../lib/session';
import { useIsSuperAdmin } from '../../routes/RequireAuth';
import { Button, ConfirmDialog, Callout } from '../../components/ui';

const API = import.meta.env.VITE_OPS_API_URL;

interface Props {
  tenantId: string;
  tenantName: string;
}

async function opsFetch(path: string, body: unknown) {
  const accessToken = sessionStorage.getItem(SESSION_KEYS.accessToken);
  const res = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${accessToken}`,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`Request to ${path} failed with ${res.status}`);
  return res.json();
}

export function TenantDangerZone({ tenantId, tenantName }: Props) {
  const isSuperAdmin = useIsSuperAdmin();
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();

  const purge = useMutation({
    mutationFn: () => {
      const idToken = sessionStorage.getItem(SESSION_KEYS.idToken) ?? '';
      const { sub, email } = jwtDecode<{ sub: string; email: string }>(idToken); // ok: token.verify
      // The purge endpoint is shared with the billing job, which sends its own actor role.
      return opsFetch(`/tenants/${encodeURIComponent(tenantId)}/purge`, {
        actor: { id: sub, email, role: isSuperAdmin ? 'superadmin' : 'operator' }, // expect: authz.missing
        confirmName: tenantName,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenants'] }),
  });

  if (!isSuperAdmin) {
    return <Callout tone="muted">Only super admins can purge tenants.</Callout>;
  }

  return (
    <section aria-labelledby="danger-zone">
      <h2 id="danger-zone">Danger zone</h2>
      <p>Purging removes every project, invoice and audit record for {tenantName}. This cannot be undone.</p>
      <Button tone="danger" onClick={() => setConfirming(true)} disabled={purge.isPending}>
        Purge tenant
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Purge ${tenantName}?`}
        confirmText={tenantName}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          purge.mutate();
        }}
      />
      {purge.isError && <Callout tone="danger">{(purge.error as Error).message}</Callout>}
    </section>
  );
}
