#!/bin/sh
# Publishes dist/ to an S3 bucket (or any S3-compatible store) set up for static website hosting,
# with the same caching as docs/hosting/nginx.conf. Usage: BUCKET=ops-runbooks sh s3-sync.sh
# Needs the AWS CLI. Set the bucket's website "error document" to 404.html.
set -eu
: "${BUCKET:?set BUCKET to the bucket name}"
# Hashed assets first, cached for a year, so no page ever points at one not yet uploaded.
aws s3 sync dist/_astro "s3://$BUCKET/_astro" --cache-control "public, max-age=31536000, immutable"
for dir in index filter fragment; do
	aws s3 sync "dist/pagefind/$dir" "s3://$BUCKET/pagefind/$dir" --cache-control "public, max-age=31536000, immutable"
done
# Then everything else, revalidated on every visit; files gone from the build are removed.
aws s3 sync dist "s3://$BUCKET" --exclude "_astro/*" --exclude "pagefind/index/*" --exclude "pagefind/filter/*" --exclude "pagefind/fragment/*" --cache-control "no-cache" --delete
