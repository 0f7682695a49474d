// The OWL API's OWL 2 DL profile checker (org.semanticweb.owlapi.profiles.OWL2DLProfile) on one
// ontology document in N-Triples, read by the OWL API's own Turtle parser only (N-Triples is Turtle;
// left to guess, the OWL API tries its parsers in turn, and rdf4j's needs JAXB, gone from Java 17
// for some blank-node labels); prints one line per violation: its class, then the OWL API's own message.
// Run with Java's single-file launcher and Debian's libowlapi-java on the class path
// (tests/test_owl.py builds the class path): java -cp ... tools/owl/ProfileCheck.java FILE
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class ProfileCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(new File(args[0]), new TurtleDocumentFormat()), config);
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.out.println(violation.getClass().getSimpleName() + "\t" + violation.toString().replace('\n', ' '));
        }
        System.out.println("violations\t" + report.getViolations().size());
    }
}
