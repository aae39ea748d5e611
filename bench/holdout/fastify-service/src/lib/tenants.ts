import { Pool } from 'pg';

class TenantRegistry {
  private pools = new Map<string, Pool>();

  get(name: string): Pool {
    let pool = this.pools.get(name);
    if (!pool) {
      pool = new Pool({ connectionString: process.env[`TENANT_DB_${name.toUpperCase()}`] });
      this.pools.set(name, pool);
    }
    return pool;
  }

  get size() {
    return this.pools.size;
  }

  async flushAll() {
    await Promise.all([...this.pools.values()].map((p) => p.end()));
    this.pools.clear();
  }
}

export const tenants = new TenantRegistry();
