<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-evidence.xsl: section 7 of the HTML report, the evidence map.

  The evidence items (d:evidence-map/d:evidence) grouped by the provision
  outcomes of the results (r:outcomes/r:provision, mode evidence-group),
  then those filed under other provisions; one card per item (mode
  evidence-card) with where it was carried from (d:carried-from, mode
  evidence-carried-from), its external evidence (d:external, mode
  evidence-external) and one row per artifact (d:artifact, mode
  evidence-artifact-row).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-evidence; to change the
  section, redefine that template or one of its template rules in a
  stylesheet that imports report-html.xsl (docs/reports.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="rp d r c exsl str">

  <xsl:template name="sec-evidence">
    <xsl:variable name="all" select="$D/d:evidence-map/d:evidence"/>
    <xsl:variable name="arts" select="$all/d:artifact"/>
    <section class="sec" id="s-evidence">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">7</xsl:with-param>
        <xsl:with-param name="title">Evidence map</xsl:with-param>
        <xsl:with-param name="layer">evidence</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>The evidence filed for each provision: the claim it supports, its artifacts with their integrity pins (a SHA-256 digest or a git object id), who owns it, how far it is reviewed and the release it was produced for. Evidence supports EN 303 645 provisions (requirement layer); external evidence also names the TS 103 701 test cases it covers (assessment layer). </xsl:text>
        <xsl:call-template name="plural">
          <xsl:with-param name="n" select="count($all)"/>
          <xsl:with-param name="one">evidence item</xsl:with-param>
        </xsl:call-template>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="plural">
          <xsl:with-param name="n" select="count($arts)"/>
          <xsl:with-param name="one">artifact</xsl:with-param>
        </xsl:call-template>
        <xsl:text> (</xsl:text>
        <xsl:value-of select="count($arts[@sha256])"/>
        <xsl:text> pinned by a SHA-256 digest, </xsl:text>
        <xsl:value-of select="count($arts[@git-oid])"/>
        <xsl:text> by a git object id, </xsl:text>
        <xsl:value-of select="count($arts[not(@sha256) and not(@git-oid)])"/>
        <xsl:text> not pinned; </xsl:text>
        <xsl:value-of select="count($arts[@visibility = 'public'])"/>
        <xsl:text> public).</xsl:text>
      </p>
      <xsl:apply-templates select="$R/r:outcomes/r:provision[key('evidence-by-provision', @id) or @support = 'Y']" mode="evidence-group"/>
      <xsl:variable name="other" select="$all[not(key('outcome', @provision))]"/>
      <xsl:if test="$other">
        <div class="prov-h">
          <h3>Other provisions</h3>
          <span class="small muted">evidence filed under provisions outside clause 5.3's outcomes</span>
        </div>
        <xsl:apply-templates select="$other" mode="evidence-card"/>
      </xsl:if>
      <xsl:if test="not($all)">
        <p class="empty">No evidence is filed.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The evidence of a provision in the results (one that has some, or
       whose ICS claims it), under a heading with its support and outcome. -->
  <xsl:template match="r:provision" mode="evidence-group">
    <xsl:variable name="ev" select="key('evidence-by-provision', @id)"/>
    <div class="prov-h" id="ev-{@id}">
      <h3>
        <xsl:value-of select="@id"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="key('provision', @id)/c:title"/>
      </h3>
      <xsl:call-template name="support-badge">
        <xsl:with-param name="support" select="@support"/>
      </xsl:call-template>
      <xsl:call-template name="outcome-badge">
        <xsl:with-param name="outcome" select="@outcome"/>
        <xsl:with-param name="basis" select="@basis"/>
      </xsl:call-template>
    </div>
    <xsl:choose>
      <xsl:when test="$ev">
        <xsl:apply-templates select="$ev" mode="evidence-card"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="missing">No evidence is filed for this provision, which the ICS claims (Y).</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One card per evidence item: claim, condition, carried-from, external
       evidence and its artifacts. -->
  <xsl:template match="d:evidence" mode="evidence-card">
    <div class="card" id="e-{@id}">
      <div class="card-h">
        <span class="title mono">
          <xsl:value-of select="@id"/>
        </span>
        <span class="small">
          <xsl:value-of select="@kind"/>
          <xsl:text> &#xB7; </xsl:text>
          <xsl:value-of select="translate(@category, '-', ' ')"/>
        </span>
        <xsl:call-template name="review-badge">
          <xsl:with-param name="review" select="@review"/>
        </xsl:call-template>
        <span class="small muted">
          <xsl:text>release </xsl:text>
          <xsl:value-of select="@release"/>
          <xsl:text> &#xB7; owner </xsl:text>
          <xsl:variable name="o" select="key('owner', @owner)"/>
          <xsl:choose>
            <xsl:when test="$o">
              <xsl:value-of select="$o/d:name"/>
              <xsl:text> (</xsl:text>
              <xsl:value-of select="$o/@role"/>
              <xsl:text>)</xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="@owner"/>
            </xsl:otherwise>
          </xsl:choose>
        </span>
      </div>
      <p class="claim">
        <xsl:value-of select="normalize-space(d:claim)"/>
      </p>
      <xsl:if test="d:condition">
        <div class="cond">
          <strong>Product condition: </strong>
          <xsl:value-of select="normalize-space(d:condition)"/>
        </div>
      </xsl:if>
      <xsl:apply-templates select="d:carried-from" mode="evidence-carried-from"/>
      <xsl:apply-templates select="d:external" mode="evidence-external"/>
      <xsl:choose>
        <xsl:when test="d:artifact">
          <table class="t fixed arts">
            <thead>
              <tr>
                <th>Artifact, reference, media type</th>
                <th class="w-hash">Integrity pin</th>
                <th class="num w10">Size</th>
                <th class="w14">Collected / expires</th>
                <th class="w10">Visibility</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="d:artifact" mode="evidence-artifact-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="missing">No artifact is attached.</p>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Where the evidence was carried from, and its review for this release. -->
  <xsl:template match="d:carried-from" mode="evidence-carried-from">
    <div class="cond">
      <strong>Carried from release </strong>
      <xsl:value-of select="@release"/>
      <xsl:if test="@evidence">
        <xsl:text> (</xsl:text>
        <span class="mono">
          <xsl:value-of select="@evidence"/>
        </span>
        <xsl:text>)</xsl:text>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@reviewed-by and @reviewed-on">
          <xsl:text>; reviewed for this release by </xsl:text>
          <xsl:value-of select="key('owner', @reviewed-by)/d:name"/>
          <xsl:text> on </xsl:text>
          <xsl:value-of select="@reviewed-on"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>; </xsl:text>
          <span class="missing">no review for this release recorded</span>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- External evidence: issuer, assurance, scope, the test cases it covers. -->
  <xsl:template match="d:external" mode="evidence-external">
    <div class="ext">
      <strong>External evidence</strong>
      <xsl:if test="d:issuer">
        <xsl:text> from </xsl:text>
        <xsl:value-of select="d:issuer"/>
      </xsl:if>
      <xsl:if test="@assurance">
        <xsl:text> &#xB7; assurance </xsl:text>
        <strong>
          <xsl:value-of select="@assurance"/>
        </strong>
      </xsl:if>
      <xsl:if test="d:scope">
        <div>
          <xsl:text>Scope: </xsl:text>
          <xsl:value-of select="normalize-space(d:scope)"/>
        </div>
      </xsl:if>
      <xsl:if test="d:covers">
        <div>
          <xsl:text>Covers (</xsl:text>
          <xsl:call-template name="edition-ts"/>
          <xsl:text>): </xsl:text>
          <xsl:for-each select="d:covers">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <a href="#tc-{@test-case}" class="mono">
              <xsl:value-of select="@test-case"/>
            </a>
            <xsl:text> (</xsl:text>
            <xsl:value-of select="@coverage"/>
            <xsl:text>)</xsl:text>
          </xsl:for-each>
        </div>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- One row per artifact: reference, integrity pin, size, dates, visibility. -->
  <xsl:template match="d:artifact" mode="evidence-artifact-row">
    <tr>
      <td>
        <xsl:if test="d:title">
          <div>
            <xsl:value-of select="d:title"/>
          </div>
        </xsl:if>
        <div class="mono small muted">
          <xsl:value-of select="@ref"/>
        </div>
        <div class="sub-id">
          <span class="mono">
            <xsl:value-of select="@id"/>
          </span>
          <xsl:text> &#xB7; </xsl:text>
          <xsl:value-of select="@media-type"/>
        </div>
      </td>
      <td>
        <xsl:if test="@sha256">
          <div class="pin">
            <span class="b b-yes">SHA-256 pinned</span>
            <div class="hash">
              <xsl:value-of select="@sha256"/>
            </div>
          </div>
        </xsl:if>
        <xsl:if test="@git-oid">
          <div class="pin">
            <span class="b b-yes">git object pinned</span>
            <div class="hash">
              <xsl:value-of select="@git-oid"/>
            </div>
          </div>
        </xsl:if>
        <xsl:if test="not(@sha256) and not(@git-oid)">
          <span class="b b-no">not pinned</span>
          <span class="sub-id">no SHA-256 digest, no git object id</span>
        </xsl:if>
      </td>
      <td class="num small">
        <xsl:call-template name="human-size">
          <xsl:with-param name="bytes" select="@size"/>
        </xsl:call-template>
        <xsl:if test="@size">
          <span class="sub-id">
            <xsl:value-of select="@size"/>
            <xsl:text> B</xsl:text>
          </span>
        </xsl:if>
      </td>
      <td class="small nowrap">
        <xsl:value-of select="@collected"/>
        <xsl:if test="not(@collected)">&#x2013;</xsl:if>
        <span class="sub-id">
          <xsl:choose>
            <xsl:when test="@expires">
              <xsl:text>expires </xsl:text>
              <xsl:value-of select="@expires"/>
            </xsl:when>
            <xsl:otherwise>no expiry</xsl:otherwise>
          </xsl:choose>
        </span>
      </td>
      <td>
        <span class="b b-{@visibility}">
          <xsl:value-of select="@visibility"/>
        </span>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
