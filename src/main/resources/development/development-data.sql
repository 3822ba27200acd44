-- Development and test data only, loaded at start-up when interdict.development-data is on (the dev and test
-- profiles, and scripts/run.sh when it starts the bundled identity provider): three ISPs, the Ministry, two
-- provincial Departments and two agencies, matching the demo users of keycloak/interdict-realm.json. Never loaded
-- in production.
-- Rows that exist are left as they are, so an edit made through the API survives a restart.
INSERT INTO isp (id, legal_name, licence_number, contact_department, contact_phone, contact_email, created_at, updated_at)
VALUES
    ('vnpt', 'Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)', 'DEV-VNPT-001', 'Trung tâm An ninh mạng', '+84 24 0000 0101', 'soc@vnpt.example', now(), now()),
    ('viettel', 'Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)', 'DEV-VIETTEL-001', 'Trung tâm Điều hành mạng', '+84 24 0000 0102', 'noc@viettel.example', now(), now()),
    ('fpt', 'Công ty Cổ phần Viễn thông FPT', 'DEV-FPT-001', 'Phòng An toàn thông tin', '+84 24 0000 0103', 'security@fpt.example', now(), now())
ON CONFLICT (id) DO NOTHING;

INSERT INTO authority (id, name_vi, name_en, level, parent_id, jurisdiction, contacts, aliases, categories, all_isps,
                       created_at, updated_at)
VALUES
    ('mic', 'Bộ Thông tin và Truyền thông', 'Ministry of Information and Communications', 'NATIONAL', NULL,
     'Việt Nam',
     '[{"department": "Cục An toàn thông tin - Trung tâm Giám sát an toàn không gian mạng quốc gia", "phone": "+84 24 0000 0200", "email": "ais@mic.example"}]',
     '{"Bộ TT&TT", "BTTTT", "MIC", "Ministry of Information and Communications"}', NULL, true, now(), now()),
    ('dic-quang-nam', 'Sở Thông tin và Truyền thông tỉnh Quảng Nam', 'Quang Nam Department of Information and Communications',
     'PROVINCIAL', 'mic', 'Quảng Nam',
     '[{"department": "Phòng Công nghệ thông tin và Bưu chính viễn thông", "phone": "+84 235 000 0300", "email": "cntt@stttt.quangnam.example"}, {"department": "Trung tâm Công nghệ thông tin và Truyền thông", "phone": "+84 235 000 0301", "email": "ict@stttt.quangnam.example"}]',
     '{"STTTT Quảng Nam", "Sở TT&TT Quảng Nam"}', '{"malware", "phishing", "fraud", "gambling", "illegal-content"}', false,
     now(), now()),
    ('dic-da-nang', 'Sở Thông tin và Truyền thông thành phố Đà Nẵng', 'Da Nang Department of Information and Communications',
     'PROVINCIAL', 'mic', 'Đà Nẵng',
     '[{"department": "Phòng Bưu chính, Viễn thông và An toàn thông tin", "phone": "+84 236 000 0400", "email": "attt@stttt.danang.example"}]',
     '{"STTTT Đà Nẵng", "Sở TT&TT Đà Nẵng"}', '{"malware", "phishing", "fraud", "gambling", "illegal-content"}', false,
     now(), now())
ON CONFLICT (id) DO NOTHING;

INSERT INTO authority_isp (authority_id, isp_id)
VALUES ('dic-quang-nam', 'vnpt'), ('dic-quang-nam', 'viettel'), ('dic-da-nang', 'vnpt'), ('dic-da-nang', 'fpt')
ON CONFLICT DO NOTHING;

INSERT INTO agency (id, name_vi, name_en, authority_id, contacts, created_at, updated_at)
VALUES
    ('qnam-health', 'Sở Y tế tỉnh Quảng Nam', 'Quang Nam Department of Health', 'dic-quang-nam',
     '[{"department": "Phòng Công nghệ thông tin", "phone": "+84 235 000 0500", "email": "cntt@syt.quangnam.example"}]',
     now(), now()),
    ('dnang-ioc', 'Trung tâm Giám sát, điều hành đô thị thông minh thành phố Đà Nẵng',
     'Da Nang Smart City Intelligent Operations Centre', 'dic-da-nang',
     '[{"department": "Phòng An toàn thông tin", "phone": "+84 236 000 0600", "email": "soc@ioc.danang.example"}]',
     now(), now())
ON CONFLICT (id) DO NOTHING;
