"""Makes signed.pdf: application_form.pdf signed by pyHanko (an outside tool) with a self-signed
certificate whose common name is 宜昌融智软件股份有限公司; and signed-changed.pdf: the same bytes with one
byte inside the signed range (the /Producer key) changed afterwards.
Run once (pip install pyhanko); the outputs are committed."""
import datetime, io
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.sign import signers
from pyhanko.sign.fields import SigFieldSpec, append_signature_field
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko_certvalidator.registry import SimpleCertificateStore

key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "宜昌融智软件股份有限公司"),
                  x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")])
start = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(20260301).not_valid_before(start).not_valid_after(start + datetime.timedelta(days=3650))
        .sign(key, hashes.SHA256()))
from asn1crypto import keys as asn1keys, x509 as asn1x509
signer = signers.SimpleSigner(
    signing_cert=asn1x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
    signing_key=asn1keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                               serialization.NoEncryption())),
    cert_registry=SimpleCertificateStore())
with open("application_form.pdf", "rb") as source:
    writer = IncrementalPdfFileWriter(source)
    append_signature_field(writer, SigFieldSpec(sig_field_name="Signature1", on_page=0, box=(360, 60, 560, 120)))
    meta = signers.PdfSignatureMetadata(field_name="Signature1", reason="申报书盖章", location="宜昌")
    output = io.BytesIO()
    signers.PdfSigner(meta, signer=signer).sign_pdf(writer, output=output)
signed = output.getvalue()
open("signed.pdf", "wb").write(signed)
# One byte inside the signed range changed: the file still parses, the digest no longer matches.
changed = bytearray(signed)
at = signed.index(b"/Producer")
changed[at + 1] = ord("p")
open("signed-changed.pdf", "wb").write(bytes(changed))
