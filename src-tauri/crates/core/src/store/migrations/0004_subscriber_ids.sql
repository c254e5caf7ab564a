-- Schema 4: the subscriber (customer) ID on the ISP bill for each public IP. PTA has the
-- ISP confirm that the subscriber ID, the CNIC and the IP belong together.
ALTER TABLE public_ips ADD COLUMN subscriber_id TEXT;
