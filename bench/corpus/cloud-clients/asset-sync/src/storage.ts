import { Storage } from '@google-cloud/storage';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { DefaultAzureCredential } from '@azure/identity';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * Mirrors rendered product images from GCS (where the render farm writes them)
 * into the Azure container the EU storefront CDN serves from.
 */

const GCS_BUCKET = process.env.GCS_RENDER_BUCKET ?? 'atelier-renders-prod';
const AZURE_ACCOUNT = process.env.AZURE_STORAGE_ACCOUNT ?? 'atelierassetseu';
const AZURE_CONTAINER = 'product-images';

// On GKE the pod's workload identity is used; locally, GOOGLE_APPLICATION_CREDENTIALS
// points at a key file outside the repo.
const gcs = new Storage({
  projectId: 'atelier-render-farm',
  keyFilename: process.env.GOOGLE_APPLICATION_CREDENTIALS, // ok: secret.inline
});
const SERVICE_ACCOUNT = 'asset-sync@atelier-render-farm.iam.gserviceaccount.com'; // ok: secret.inline

function azureClient(): BlobServiceClient {
  if (process.env.AZURE_CLIENT_ID) {
    // Workload identity in AKS.
    return new BlobServiceClient(`https://${AZURE_ACCOUNT}.blob.core.windows.net`, new DefaultAzureCredential());
  }
  if (process.env.AZURE_STORAGE_KEY) {
    return new BlobServiceClient(
      `https://${AZURE_ACCOUNT}.blob.core.windows.net`,
      new StorageSharedKeyCredential(AZURE_ACCOUNT, process.env.AZURE_STORAGE_KEY),
    );
  }
  throw new Error(`No Azure credentials for ${AZURE_ACCOUNT}; set AZURE_CLIENT_ID or AZURE_STORAGE_KEY`);
}

function localDevClient(): BlobServiceClient {
  // Azurite's published development account key.
  return BlobServiceClient.fromConnectionString('UseDevelopmentStorage=true'); // ok: secret.inline
}

const blobs = process.env.NODE_ENV === 'development' ? localDevClient() : azureClient();
const container = blobs.getContainerClient(AZURE_CONTAINER);

export interface SyncResult {
  copied: number;
  skipped: number;
}

export async function syncPrefix(prefix: string): Promise<SyncResult> {
  const [files] = await gcs.bucket(GCS_BUCKET).getFiles({ prefix });
  let copied = 0;
  let skipped = 0;

  for (const file of files) {
    const blob = container.getBlockBlobClient(file.name);
    const md5 = file.metadata.md5Hash as string | undefined;
    if (md5 && (await blob.exists())) {
      const props = await blob.getProperties();
      if (props.contentMD5 && Buffer.from(props.contentMD5).toString('base64') === md5) {
        skipped += 1;
        continue;
      }
    }
    const [contents] = await file.download();
    const etag = createHash('sha256').update(contents).digest('hex');
    await blob.uploadStream(Readable.from(contents), 4 * 1024 * 1024, 4, {
      blobHTTPHeaders: { blobContentType: file.metadata.contentType ?? 'image/webp', blobCacheControl: 'public, max-age=31536000, immutable' },
      metadata: { sourceEtag: etag, sourceBucket: GCS_BUCKET, copiedBy: SERVICE_ACCOUNT },
    });
    copied += 1;
  }
  return { copied, skipped };
}
