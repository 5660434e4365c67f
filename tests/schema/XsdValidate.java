/*
 * Validates XML documents against an XSD with the JDK's built-in validator
 * (javax.xml.validation), so the test suite can show that the libetsi schemas
 * are portable beyond libxml2.
 *
 * Usage: java XsdValidate SCHEMA.xsd FILE...
 * Prints "FILE: valid" or "FILE:LINE: error: message" for each file.
 * Exit status: 0 when every file is valid, 1 when any is invalid, 2 on a
 * usage error or when the schema itself cannot be compiled.
 *
 * External access is disabled: no DTD, schema or stylesheet may be fetched
 * while compiling the schema or validating a document.
 */
import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

public final class XsdValidate {
    private XsdValidate() {
    }

    private static final class Collector implements ErrorHandler {
        private final String file;
        private int errors;

        Collector(String file) {
            this.file = file;
        }

        private void report(String kind, SAXParseException e) {
            System.out.println(file + ":" + e.getLineNumber() + ": " + kind + ": " + e.getMessage());
        }

        @Override
        public void warning(SAXParseException e) {
            report("warning", e);
        }

        @Override
        public void error(SAXParseException e) {
            errors++;
            report("error", e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            errors++;
            report("error", e);
            throw e;
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java XsdValidate SCHEMA.xsd FILE...");
            System.exit(2);
        }
        Schema schema;
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = factory.newSchema(new File(args[0]));
        } catch (SAXException e) {
            System.err.println(args[0] + ": error: schema does not compile: " + e.getMessage());
            System.exit(2);
            return;
        }
        int invalid = 0;
        for (int i = 1; i < args.length; i++) {
            Collector collector = new Collector(args[i]);
            try {
                Validator validator = schema.newValidator();
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                validator.setErrorHandler(collector);
                validator.validate(new StreamSource(new File(args[i])));
            } catch (SAXException e) {
                /* already reported by the collector */
            } catch (java.io.IOException e) {
                System.out.println(args[i] + ": error: " + e.getMessage());
                collector.errors++;
            }
            if (collector.errors == 0) {
                System.out.println(args[i] + ": valid");
            } else {
                invalid++;
            }
        }
        System.exit(invalid == 0 ? 0 : 1);
    }
}
