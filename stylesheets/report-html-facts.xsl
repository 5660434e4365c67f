<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-facts.xsl: section 5 of the HTML report, product facts.

  The typed facts the dossier records: one card per update mechanism
  (d:update-boundary/d:mechanism, mode facts-mechanism; its d:crypto rows
  in mode facts-crypto-row), one row per software component
  (d:update-boundary/d:component, mode facts-component-row), the support
  period (d:ixit/d:user-info/d:support-period, the public statement's
  support end) and one row per open question of the results
  (r:open-questions/r:question, mode facts-question-row).  The named
  templates fact, component-ref and provision-ref put a fact, a component
  and a provision in words and links.

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-facts; to change the
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

  <xsl:template name="sec-facts">
    <xsl:variable name="ub" select="$D/d:update-boundary"/>
    <xsl:variable name="sp" select="$D/d:ixit/d:user-info/d:support-period"/>
    <xsl:variable name="ps" select="$D/d:header/d:public-statement"/>
    <xsl:variable name="questions" select="$R/r:open-questions/r:question"/>
    <section class="sec" id="s-facts">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">5</xsl:with-param>
        <xsl:with-param name="title">Product facts</xsl:with-param>
        <xsl:with-param name="layer">facts</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>The typed facts the dossier records beside its prose, per update mechanism and per software component, and the support period, in plain words that say no more than the recorded value. The checks test every ICS claim against them (contradicted claims are marked in section 3). </xsl:text>
        <span class="fv fv-none">not stated</span>
        <xsl:text> means the dossier leaves the fact out; </xsl:text>
        <span class="fv fv-unknown">? unknown</span>
        <xsl:text> means it records that the fact is not known. Neither is read as &#x201C;no&#x201D;.</xsl:text>
      </p>

      <h3>Update mechanisms</h3>
      <xsl:choose>
        <xsl:when test="$ub/d:mechanism">
          <xsl:apply-templates select="$ub/d:mechanism" mode="facts-mechanism"/>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No update mechanism: there are no mechanism facts.</p>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Software components</h3>
      <xsl:choose>
        <xsl:when test="$ub/d:component">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w18">Component</th>
                <th class="w22">Secure boot: verified by the previous stage</th>
                <th class="w24">Carries</th>
                <th>Other ways to install software</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ub/d:component" mode="facts-component-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No software components are listed.</p>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Support period</h3>
      <table class="kv">
        <tbody>
          <tr>
            <th scope="row">Stated by the manufacturer</th>
            <td>
              <xsl:choose>
                <xsl:when test="$sp/@stated = 'not-stated'">
                  <span class="b b-no">not stated</span>
                  <span class="small muted"> the dossier records that the manufacturer states no support period</span>
                </xsl:when>
                <xsl:when test="$sp/@stated = 'stated'">yes</xsl:when>
                <xsl:otherwise>
                  <span class="fv fv-none">not stated</span>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <tr>
            <th scope="row">Security updates until (2-UserInfo)</th>
            <td>
              <xsl:choose>
                <xsl:when test="$sp/@end">
                  <strong>
                    <xsl:call-template name="long-date">
                      <xsl:with-param name="iso" select="$sp/@end"/>
                    </xsl:call-template>
                  </strong>
                  <span class="small muted">
                    <xsl:text> (</xsl:text>
                    <xsl:value-of select="$sp/@end"/>
                    <xsl:text>)</xsl:text>
                  </span>
                </xsl:when>
                <xsl:otherwise>
                  <span class="fv fv-none">not stated</span>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <tr>
            <th scope="row">Duration</th>
            <td>
              <xsl:choose>
                <xsl:when test="$sp/@duration">
                  <xsl:call-template name="duration-words">
                    <xsl:with-param name="d" select="$sp/@duration"/>
                  </xsl:call-template>
                  <span class="small muted">
                    <xsl:text> (</xsl:text>
                    <xsl:value-of select="$sp/@duration"/>
                    <xsl:text>)</xsl:text>
                  </span>
                </xsl:when>
                <xsl:otherwise>
                  <span class="fv fv-none">not stated</span>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <tr>
            <th scope="row">Support end in the public statement</th>
            <td>
              <xsl:choose>
                <xsl:when test="$ps/@support-end">
                  <xsl:call-template name="long-date">
                    <xsl:with-param name="iso" select="$ps/@support-end"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:when test="$ps">
                  <span class="fv fv-none">not stated</span>
                </xsl:when>
                <xsl:otherwise>
                  <span class="muted">no public statement</span>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <xsl:if test="normalize-space($sp) != ''">
            <tr>
              <th scope="row">As worded</th>
              <td>
                <xsl:value-of select="normalize-space($sp)"/>
              </td>
            </tr>
          </xsl:if>
        </tbody>
      </table>

      <h3 id="s-questions">Open questions</h3>
      <xsl:choose>
        <xsl:when test="$questions">
          <p class="small muted">
            <xsl:text>Facts a claimed provision rests on that the dossier leaves out or records as unknown. None is an error: each lowers readiness, and the test cases that read it are at risk of INCONCLUSIVE (section 8).</xsl:text>
          </p>
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w22">Fact</th>
                <th>Question</th>
                <th class="w16">Provisions</th>
                <th class="w16">Where</th>
                <th class="w14">Gate step</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$questions" mode="facts-question-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No open questions: the checks found no unknown or unstated fact that a claimed provision rests on.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- One card per update mechanism: its typed facts. -->
  <xsl:template match="d:mechanism" mode="facts-mechanism">
    <div class="card" id="fm-{@id}">
      <div class="card-h">
        <span class="title">
          <xsl:value-of select="d:name"/>
        </span>
        <a href="#m-{@id}" class="mono small">
          <xsl:value-of select="@id"/>
        </a>
        <span class="small muted">
          <xsl:call-template name="path-label">
            <xsl:with-param name="path" select="@path"/>
          </xsl:call-template>
        </span>
        <xsl:if test="@implemented = 'false'">
          <span class="flag">not implemented</span>
        </xsl:if>
      </div>
      <table class="kv">
        <tbody>
          <tr>
            <th scope="row">Authenticity and integrity</th>
            <td>
              <xsl:call-template name="fact">
                <xsl:with-param name="v" select="d:verification/@where"/>
                <xsl:with-param name="fact">where</xsl:with-param>
              </xsl:call-template>
              <xsl:if test="d:verification/@by">
                <xsl:text>, by </xsl:text>
                <xsl:call-template name="component-ref">
                  <xsl:with-param name="id" select="d:verification/@by"/>
                </xsl:call-template>
              </xsl:if>
            </td>
          </tr>
          <tr>
            <th scope="row">Verification key</th>
            <td>
              <xsl:call-template name="fact">
                <xsl:with-param name="v" select="d:verification-key/@location"/>
                <xsl:with-param name="fact">location</xsl:with-param>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Cryptography</th>
            <td>
              <xsl:choose>
                <xsl:when test="d:crypto">
                  <table class="t crypto">
                    <thead>
                      <tr>
                        <th>Use</th>
                        <th>Algorithm</th>
                        <th class="num">Key bits</th>
                        <th>Hash</th>
                        <th>Authenticated</th>
                      </tr>
                    </thead>
                    <tbody>
                      <xsl:apply-templates select="d:crypto" mode="facts-crypto-row"/>
                    </tbody>
                  </table>
                </xsl:when>
                <xsl:otherwise>
                  <span class="fv fv-none">not stated</span>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <tr>
            <th scope="row">Transport</th>
            <td>
              <ul class="fl">
                <li>
                  <span class="fk">server authenticated:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:transport/@server-authenticated"/>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">TLS:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:transport/@tls"/>
                    <xsl:with-param name="fact">tls</xsl:with-param>
                  </xsl:call-template>
                </li>
              </ul>
            </td>
          </tr>
          <tr>
            <th scope="row">Updates come from</th>
            <td>
              <xsl:call-template name="fact">
                <xsl:with-param name="v" select="d:update-source/@kind"/>
                <xsl:with-param name="fact">source</xsl:with-param>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Anti-rollback</th>
            <td>
              <xsl:call-template name="fact">
                <xsl:with-param name="v" select="d:anti-rollback/@kind"/>
                <xsl:with-param name="fact">rollback</xsl:with-param>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Recovery from a failed installation</th>
            <td>
              <xsl:call-template name="fact">
                <xsl:with-param name="v" select="d:recovery/@kind"/>
                <xsl:with-param name="fact">recovery</xsl:with-param>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Automatic updates</th>
            <td>
              <ul class="fl">
                <li>
                  <span class="fk">default:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:automation/@default"/>
                    <xsl:with-param name="fact">default</xsl:with-param>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">user can switch them off:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:automation/@user-can-disable"/>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">user can postpone:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:automation/@postpone"/>
                  </xsl:call-template>
                </li>
              </ul>
            </td>
          </tr>
          <tr>
            <th scope="row">Checks for updates</th>
            <td>
              <ul class="fl">
                <li>
                  <span class="fk">at boot:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:update-check/@at-boot"/>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">after initialization:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:update-check/@after-initialization"/>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">periodically:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:update-check/@periodic"/>
                  </xsl:call-template>
                  <xsl:if test="d:update-check/@period">
                    <xsl:text>, every </xsl:text>
                    <xsl:call-template name="duration-words">
                      <xsl:with-param name="d" select="d:update-check/@period"/>
                    </xsl:call-template>
                  </xsl:if>
                </li>
                <li>
                  <span class="fk">by:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:update-check/@by"/>
                    <xsl:with-param name="fact">by</xsl:with-param>
                  </xsl:call-template>
                </li>
              </ul>
            </td>
          </tr>
          <tr>
            <th scope="row">What the user is told</th>
            <td>
              <ul class="fl">
                <li>
                  <span class="fk">that a security update is needed:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:notice/@security-updates"/>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">the risks it addresses:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:notice/@risks"/>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">disruption of basic functions:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:notice/@disruption"/>
                    <xsl:with-param name="fact">disruption</xsl:with-param>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">channel:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:notice/@channel"/>
                    <xsl:with-param name="fact">channel</xsl:with-param>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">notices on by default:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:notice/@default"/>
                    <xsl:with-param name="fact">default</xsl:with-param>
                  </xsl:call-template>
                </li>
                <li>
                  <span class="fk">user can switch them off:</span><xsl:text> </xsl:text>
                  <xsl:call-template name="fact">
                    <xsl:with-param name="v" select="d:notice/@user-can-disable"/>
                  </xsl:call-template>
                </li>
              </ul>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- A typed fact: its words, "not stated" when the dossier leaves it out,
       "unknown" when it records that it is not known (never "no"). -->
  <xsl:template name="fact">
    <xsl:param name="v"/>
    <xsl:param name="fact"/>
    <xsl:choose>
      <xsl:when test="not($v)">
        <span class="fv fv-none">not stated</span>
      </xsl:when>
      <xsl:when test="$v = 'unknown'">
        <span class="fv fv-unknown">? unknown</span>
      </xsl:when>
      <xsl:otherwise>
        <span class="fv-val">
          <xsl:call-template name="fact-words">
            <xsl:with-param name="fact" select="$fact"/>
            <xsl:with-param name="value" select="string($v)"/>
          </xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link to a component of the update boundary, by its name. -->
  <xsl:template name="component-ref">
    <xsl:param name="id"/>
    <xsl:variable name="c" select="key('component', $id)"/>
    <a href="#c-{$id}">
      <xsl:choose>
        <xsl:when test="$c">
          <xsl:value-of select="$c/d:name"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$id"/>
        </xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

  <!-- One row per cryptographic use of the mechanism. -->
  <xsl:template match="d:crypto" mode="facts-crypto-row">
    <tr>
      <td>
        <xsl:call-template name="fact-words">
          <xsl:with-param name="fact">use</xsl:with-param>
          <xsl:with-param name="value" select="@use"/>
        </xsl:call-template>
      </td>
      <td class="mono">
        <xsl:value-of select="@alg"/>
      </td>
      <td class="num">
        <xsl:choose>
          <xsl:when test="@key-bits">
            <xsl:value-of select="@key-bits"/>
          </xsl:when>
          <xsl:when test="@use = 'digest'">
            <span class="muted">&#x2013;</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="fv fv-none">not stated</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="mono">
        <xsl:choose>
          <xsl:when test="@hash">
            <xsl:value-of select="@hash"/>
          </xsl:when>
          <xsl:when test="@use = 'signature'">
            <span class="fv fv-none">not stated</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="muted">&#x2013;</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@use = 'encryption' or @authenticated">
            <xsl:call-template name="fact">
              <xsl:with-param name="v" select="@authenticated"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <span class="muted">&#x2013;</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per component: secure boot, what it carries, other install
       paths. -->
  <xsl:template match="d:component" mode="facts-component-row">
    <tr id="fcp-{@id}">
      <td>
        <a href="#c-{@id}" class="mono">
          <xsl:value-of select="@id"/>
        </a>
        <span class="sub-id">
          <xsl:value-of select="d:name"/>
        </span>
      </td>
      <td class="small">
        <xsl:call-template name="fact">
          <xsl:with-param name="v" select="d:boot-verification/@verified"/>
        </xsl:call-template>
        <xsl:if test="d:boot-verification/@by">
          <xsl:text>, by </xsl:text>
          <xsl:call-template name="component-ref">
            <xsl:with-param name="id" select="d:boot-verification/@by"/>
          </xsl:call-template>
        </xsl:if>
      </td>
      <td class="small">
        <ul class="fl">
          <li>
            <span class="fk">network stack:</span><xsl:text> </xsl:text>
            <xsl:call-template name="fact">
              <xsl:with-param name="v" select="d:carries/@network-stack"/>
            </xsl:call-template>
          </li>
          <li>
            <span class="fk">operating system:</span><xsl:text> </xsl:text>
            <xsl:call-template name="fact">
              <xsl:with-param name="v" select="d:carries/@operating-system"/>
            </xsl:call-template>
          </li>
          <li>
            <span class="fk">applications:</span><xsl:text> </xsl:text>
            <xsl:call-template name="fact">
              <xsl:with-param name="v" select="d:carries/@applications"/>
            </xsl:call-template>
          </li>
        </ul>
      </td>
      <td class="small">
        <xsl:for-each select="d:other-install-path">
          <div>
            <strong>
              <xsl:call-template name="fact-words">
                <xsl:with-param name="fact">path</xsl:with-param>
                <xsl:with-param name="value" select="@kind"/>
              </xsl:call-template>
            </strong>
            <xsl:text>: applies the same verification </xsl:text>
            <xsl:call-template name="fact">
              <xsl:with-param name="v" select="@verifies"/>
            </xsl:call-template>
            <xsl:if test="normalize-space(.) != ''">
              <span class="sub-id">
                <xsl:value-of select="normalize-space(.)"/>
              </span>
            </xsl:if>
          </div>
        </xsl:for-each>
        <xsl:if test="not(d:other-install-path)">
          <span class="fv fv-none">not stated</span>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per open question. -->
  <xsl:template match="r:question" mode="facts-question-row">
    <tr>
      <td class="mono small">
        <xsl:value-of select="@fact"/>
      </td>
      <td>
        <xsl:value-of select="normalize-space(.)"/>
      </td>
      <td class="small">
        <xsl:for-each select="str:tokenize(@provisions, ' ,;')">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="provision-ref">
            <xsl:with-param name="id" select="string(.)"/>
          </xsl:call-template>
        </xsl:for-each>
      </td>
      <td class="small">
        <xsl:if test="@element">
          <div class="mono">
            <xsl:value-of select="@element"/>
          </div>
        </xsl:if>
        <xsl:if test="@line">
          <span class="sub-id">
            <xsl:text>line </xsl:text>
            <xsl:value-of select="@line"/>
          </span>
        </xsl:if>
        <xsl:if test="not(@element) and not(@line)">
          <span class="muted">&#x2013;</span>
        </xsl:if>
      </td>
      <td class="small">
        <a href="#g-{@step}">
          <xsl:choose>
            <xsl:when test="key('gate-step', @step)">
              <xsl:value-of select="key('gate-step', @step)/@title"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="@step"/>
            </xsl:otherwise>
          </xsl:choose>
        </a>
      </td>
    </tr>
  </xsl:template>

  <!-- A provision, linked to its ICS row when the report has one.  The
       keys are looked up in the input document whatever the context (it
       may be a token of str:tokenize). -->
  <xsl:template name="provision-ref">
    <xsl:param name="id"/>
    <xsl:for-each select="$R">
      <xsl:choose>
        <xsl:when test="key('outcome', $id) or key('ics-entry', $id)">
          <a href="#ics-{$id}" class="mono">
            <xsl:value-of select="$id"/>
          </a>
        </xsl:when>
        <xsl:otherwise>
          <span class="mono">
            <xsl:value-of select="$id"/>
          </span>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
