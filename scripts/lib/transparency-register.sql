-- A synthetic register the size of the national one replayed in 2016, for scripts/bench-transparency.sh:
-- 20,895 approved directives of 7 authorities issued through 2016 (one in ten for one or two ISPs only, one in
-- twenty a takedown, some expired or revoked), 1 to 5 targets each and 150 for one in a hundred; 12 ISPs whose
-- versions each carry the next ten approvals (2,090 versions an ISP, one in seven changing provenance only, one in
-- four hundred refused); two appliances an ISP confirming every published version within twenty minutes.
-- Deterministic: the same rows on every run. Run on an empty database after the service's migrations.

INSERT INTO isp (id, legal_name, licence_number, created_at, updated_at)
SELECT format('bench-isp-%s', lpad(n::text, 2, '0')), format('Benchmark ISP %s', n), format('L-BENCH-%s', n),
       timestamptz '2015-12-01 00:00Z', timestamptz '2015-12-01 00:00Z'
FROM generate_series(1, 12) n;

INSERT INTO directive (id, legal_reference, title, authority_legacy, issued_on, kind, category, all_isps, audience,
                       effective_from, expires_at, takedown_host, takedown_deadline, status, created_by, submitted_by,
                       submitted_at, decided_by, decided_at, revoked_by, revoked_at, revocation_reason,
                       revocation_reference, created_at, updated_at)
SELECT i, format('%s/QĐ-BENCH', i), format('Chặn trang vi phạm số %s', i),
       (ARRAY['Bộ Thông tin và Truyền thông', 'Bộ Công an', 'Cục An toàn thông tin', 'Bộ Văn hoá, Thể thao và Du lịch',
              'Ngân hàng Nhà nước Việt Nam', 'Bộ Y tế', 'Sở TT&TT Hà Nội'])[1 + i % 7],
       issued, CASE WHEN i % 20 = 0 THEN 'TAKEDOWN' ELSE 'BLOCK' END,
       (ARRAY['gambling', 'fraud', 'phishing', 'malware', 'botnet', 'child-abuse', 'copyright',
              'illegal-content'])[1 + (i / 7) % 8],
       i % 10 <> 0,
       CASE WHEN i % 10 = 0 THEN ARRAY[format('bench-isp-%s', lpad((1 + i % 12)::text, 2, '0')),
                                       format('bench-isp-%s', lpad((1 + (i + 5) % 12)::text, 2, '0'))]
            ELSE '{}' END,
       decided, CASE WHEN i % 13 = 0 THEN decided + interval '90 days' END,
       CASE WHEN i % 20 = 0 THEN format('host-%s.bench.vn', i) END,
       CASE WHEN i % 20 = 0 THEN decided + interval '2 days' END,
       CASE WHEN i % 31 = 0 THEN 'REVOKED' WHEN i % 13 = 0 THEN 'EXPIRED' ELSE 'ACTIVE' END,
       'bench-officer', 'bench-officer', decided - interval '2 hours', 'bench-supervisor', decided,
       CASE WHEN i % 31 = 0 THEN 'bench-supervisor' END,
       CASE WHEN i % 31 = 0 THEN decided + interval '30 days' END,
       CASE WHEN i % 31 = 0 THEN 'annulled' END,
       CASE WHEN i % 31 = 0 THEN format('%s/QĐ-HUY', i) END,
       decided - interval '1 day', decided
FROM (SELECT i, issued, (issued + time '09:00' + (i % 300) * interval '1 minute') AT TIME ZONE 'UTC' AS decided
      FROM (SELECT i, date '2016-01-01' + (i - 1) * 366 / 20895 AS issued FROM generate_series(1, 20895) i) days) d;
SELECT setval(pg_get_serial_sequence('directive', 'id'), 20895);

INSERT INTO directive_target (directive_id, type, value, input, created_at)
SELECT d.id, 'DOMAIN', format('site-%s-%s.bench-%s.vn', d.id, j, d.id % 97),
       format('site-%s-%s.bench-%s.vn', d.id, j, d.id % 97), d.created_at
FROM directive d
CROSS JOIN LATERAL generate_series(1, CASE WHEN d.id % 100 = 0 THEN 150 ELSE 1 + d.id % 5 END) j;

-- Version n of every ISP carries the approvals of directives 10(n-1)+1 .. 10n addressed to it.
INSERT INTO ruleset_version (isp_id, number, digest, state, created_at, published_at, counts, added, removed,
                             changes, conflicts)
SELECT i.id, b.n,
       md5(i.id || ':' || CASE WHEN b.n % 7 = 0 THEN b.n - 1 ELSE b.n END),
       CASE WHEN b.n % 400 = 0 THEN 'REFUSED' ELSE 'PUBLISHED' END,
       b.created_at, CASE WHEN b.n % 400 <> 0 THEN b.created_at END, '{}', 10, 0,
       coalesce((SELECT jsonb_agg(jsonb_build_object('change', 'approved', 'directiveId', d.id) ORDER BY d.id)
                 FROM directive d WHERE d.id BETWEEN 10 * b.n - 9 AND 10 * b.n
                 AND (d.all_isps OR i.id = ANY (d.audience))), '[]'),
       '[]'
FROM isp i
CROSS JOIN (SELECT (id - 1) / 10 + 1 AS n, max(decided_at) + interval '2 minutes' AS created_at
            FROM directive GROUP BY 1) b;

INSERT INTO appliance (isp_id, name, kind, preferred_format, token_hash, token_hint, token_issued_at, created_by,
                       created_at, updated_at)
SELECT i.id, format('resolver-%s', a), 'dns-resolver', 'rpz', encode(sha256(convert_to(i.id || a, 'UTF8')), 'hex'),
       'itd_bnch', timestamptz '2015-12-01 00:00Z', 'bench-engineer', timestamptz '2015-12-01 00:00Z',
       timestamptz '2015-12-01 00:00Z'
FROM isp i CROSS JOIN generate_series(1, 2) a;

INSERT INTO appliance_status (appliance_id, isp_id, version, applied, applied_at, received_at)
SELECT a.id, v.isp_id, v.number, true, v.created_at + (1 + (v.number * 7 + a.id) % 20) * interval '1 minute',
       v.created_at + (1 + (v.number * 7 + a.id) % 20) * interval '1 minute'
FROM ruleset_version v JOIN appliance a ON a.isp_id = v.isp_id
WHERE v.state = 'PUBLISHED';

ANALYZE;
